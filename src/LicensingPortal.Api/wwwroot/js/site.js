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
