// Upload progress: sends the same form the page accepts without JavaScript, showing how much has gone.
// The server's answer is followed as a browser would: a redirect is opened, a page with errors replaces the main content.
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'

export function enhance (form) {
  const progress = form.querySelector('progress')
  const button = form.querySelector('button[type=submit]')

  form.addEventListener('submit', event => {
    const file = form.querySelector('input[type=file]')
    if (!file || file.files.length === 0 || !progress) return
    event.preventDefault()

    const request = new XMLHttpRequest()
    request.open('POST', form.action || window.location.href)
    request.setRequestHeader('Accept', 'text/html')
    progress.hidden = false
    progress.value = 0
    if (button) button.disabled = true

    request.upload.addEventListener('progress', e => {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100)
    })
    request.addEventListener('load', () => {
      const sent = new URL(form.action || window.location.href, window.location.href)
      const answered = new URL(request.responseURL)
      if (answered.pathname !== sent.pathname || answered.search !== sent.search) {
        window.location.assign(answered.href)
        return
      }
      const page = new DOMParser().parseFromString(request.responseText, 'text/html')
      const main = page.querySelector('main')
      if (main) {
        document.querySelector('main').replaceWith(main)
        document.title = page.title
        const summary = main.querySelector('.govuk-error-summary')
        if (summary) {
          summary.setAttribute('tabindex', '-1')
          summary.focus()
        }
        // The new content's GOV.UK components (its file field among them) are drawn as on a page opened afresh.
        initAll({ scope: main })
        for (const element of main.querySelectorAll('[data-enhance=upload]')) enhance(element)
      } else {
        form.submit()
      }
    })
    request.addEventListener('error', () => form.submit())
    request.send(new FormData(form))
  })
}
