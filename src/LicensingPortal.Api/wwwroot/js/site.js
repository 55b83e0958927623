// Progressive enhancement only: every task works without this script.
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

const enhancements = document.querySelectorAll('[data-enhance]')
for (const element of enhancements) {
  const name = element.getAttribute('data-enhance')
  import(`/js/${name}.js`).then(module => {
    module.enhance(element)
    element.setAttribute('data-enhanced', '')
  })
}

// A table of three columns or more (kupang-stack) reads row by row on a phone (site.css): each cell gets its column's
// name before it, hidden from screen readers, which read the column headers themselves; and the table's roles are
// written out, so it stays a table to them whatever its display. The first cell, when not a row header, is the
// row's name and gets none; an empty cell is left out.
for (const table of document.querySelectorAll('table.kupang-stack')) {
  const headers = [...table.querySelectorAll('thead th')].map(th => {
    const hidden = th.querySelector('.govuk-visually-hidden')
    return hidden && hidden.textContent.trim() === th.textContent.trim() ? '' : th.textContent.trim()
  })
  table.setAttribute('role', 'table')
  for (const group of table.querySelectorAll('thead, tbody')) group.setAttribute('role', 'rowgroup')
  for (const row of table.querySelectorAll('tr')) {
    row.setAttribute('role', 'row')
    ;[...row.children].forEach((cell, index) => {
      const scope = cell.getAttribute('scope')
      cell.setAttribute('role', scope === 'row' ? 'rowheader' : scope === 'col' ? 'columnheader' : 'cell')
      if (cell.tagName !== 'TD' || index === 0) return
      if (!cell.textContent.trim() && !cell.querySelector('button, a, img')) {
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

// A table wider than the screen scrolls inside its region; say so above it ("geser ke samping …": the region's
// data-scroll-hint, else its label), while it does.
const scrollers = document.querySelectorAll('.kupang-table-scroll[aria-label]')
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
    hint.hidden = region.scrollWidth <= region.clientWidth + 1
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
