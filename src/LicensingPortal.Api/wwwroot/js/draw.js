// Draws a part of the page as the browser first drew the whole: GOV.UK's components, tables read row by row on a phone,
// the hint above a table that scrolls sideways, and the enhancements its elements ask for (data-enhance). Called once
// for the document (site.js), and again for content that replaces a part of it (a form shown again with its errors).
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'

export function draw (scope) {
  initAll({ scope })
  stackTables(scope)
  watchScrollers(scope)
  for (const element of scope.querySelectorAll('[data-enhance]')) {
    const name = element.getAttribute('data-enhance')
    import(`/js/${name}.js`).then(module => {
      module.enhance(element)
      element.setAttribute('data-enhanced', '')
    })
  }
}

// A table of three columns or more (kupang-stack) reads row by row on a phone (site.css): each cell gets its column's
// name before it, hidden from screen readers, which read the column headers themselves; and the table's roles are
// written out, so it stays a table to them whatever its display. The first cell is the row's name and gets none; an
// empty cell is left out. A table whose cells span rows or columns is left as it is (its labels would be wrong).
const visibleText = element => {
  if (element.closest('.govuk-visually-hidden')) return ''
  const copy = element.cloneNode(true)
  for (const hidden of copy.querySelectorAll('.govuk-visually-hidden')) hidden.remove()
  return copy.textContent.trim()
}

function stackTables (scope) {
  for (const table of scope.querySelectorAll('table.kupang-stack:not(.kupang-stack--on)')) {
    const rows = [...table.rows]
    if (rows.some(row => [...row.cells].some(cell => cell.colSpan > 1 || cell.rowSpan > 1))) continue
    // The column headers: the head's row, or a first row of column headers in the body.
    const headRow = table.tHead?.rows[0] ?? rows.find(row => row.cells.length > 0 && [...row.cells].every(cell => cell.getAttribute('scope') === 'col'))
    const headers = [...(headRow?.cells ?? [])].map(visibleText)
    table.setAttribute('role', 'table')
    for (const group of [table.tHead, ...table.tBodies]) group?.setAttribute('role', 'rowgroup')
    for (const row of rows) {
      row.setAttribute('role', 'row')
      const inHead = row.parentElement === table.tHead || row === headRow
      ;[...row.cells].forEach((cell, index) => {
        const header = cell.tagName === 'TH'
        cell.setAttribute('role', inHead ? 'columnheader' : header ? 'rowheader' : 'cell')
        if (inHead || header || index === 0) return
        if (!cell.textContent.trim() && !cell.querySelector('a, button, img, input, select, svg, textarea')) {
          cell.classList.add('kupang-stack__empty')
        } else if (headers[index]) {
          const label = document.createElement('span')
          label.className = 'kupang-stack__label'
          label.setAttribute('aria-hidden', 'true')
          label.textContent = headers[index]
          cell.prepend(label)
        }
      })
    }
    table.classList.add('kupang-stack--on')
  }
}

// A table wider than the screen scrolls inside its region; say so above it ("geser ke samping …": the region's
// data-scroll-hint, else its label), while it does.
function watchScrollers (scope) {
  const scrollers = scope.querySelectorAll('.kupang-table-scroll[aria-label]')
  if (scrollers.length === 0) return
  const showScrollHints = () => {
    for (const region of scrollers) {
      let hint = region.previousElementSibling
      if (!hint || !hint.classList.contains('kupang-scroll-hint')) {
        hint = document.createElement('p')
        hint.className = 'govuk-body-s kupang-scroll-hint'
        hint.setAttribute('aria-hidden', 'true')
        hint.textContent = region.dataset.scrollHint || region.getAttribute('aria-label')
        region.before(hint)
      }
      // Only a region that scrolls is a stop for the keyboard (to scroll it with the arrow keys).
      hint.hidden = region.scrollWidth <= region.clientWidth + 1
      region.tabIndex = hint.hidden ? -1 : 0
    }
  }
  // Again whenever a region changes size: the window turns, a font arrives, a folded section opens.
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver(showScrollHints)
    for (const region of scrollers) observer.observe(region)
  } else {
    showScrollHints()
    window.addEventListener('resize', showScrollHints)
  }
}
