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
