// Sends a form with files as the browser would, staying on the page while it goes (so progress can be shown), and keeps
// the files chosen when the form comes back with errors: a browser never sends a file twice, so a page shown again
// would ask a person to find their photos again. The server is told (a header) that the files stay chosen, and does
// not ask for them again. Its answer is followed as a browser would: the page it answers with, after its redirect if
// any, replaces the page (at the redirect's address); with no page to show, the form is sent the browser's way.
import { draw } from '/js/draw.js'

// A page reached by a redirect followed here has its own entry in the history; going back to the form's, the browser
// shows its address but not its page, so it is loaded.
let moved = false
window.addEventListener('popstate', () => {
  if (moved) window.location.reload()
})

export function sendInPlace (form, { submitter, onProgress } = {}) {
  const chosen = [...form.querySelectorAll('input[type=file]')]
    .filter(input => input.name && input.files.length > 0)
    .map(input => ({ name: input.name, files: input.files }))
  const sent = new URL(form.getAttribute('action') || window.location.href, window.location.href)
  const data = new FormData(form)
  if (submitter?.name) data.append(submitter.name, submitter.value)

  const request = new XMLHttpRequest()
  request.open('POST', sent.href)
  request.setRequestHeader('Accept', 'text/html')
  request.setRequestHeader('Kupang-Keeps-Files', 'true')
  if (onProgress) {
    request.upload.addEventListener('progress', e => {
      if (e.lengthComputable) onProgress(e.loaded / e.total)
    })
  }
  request.addEventListener('load', () => {
    const page = new DOMParser().parseFromString(request.responseText, 'text/html')
    if (!page.querySelector('main')) {
      sendTheBrowsersWay(form, submitter)
      return
    }
    const again = page.querySelector('main .govuk-error-summary, main .govuk-error-message') !== null
    // A form shown again keeps the page's address; a page after a redirect is at the redirect's. The whole body is
    // the answer's: its header's links (the language's way back, the current page in the menu) are of that page.
    const answered = new URL(request.responseURL || sent.href)
    const here = new URL(window.location.href)
    here.hash = ''
    if (!again && answered.href !== here.href) {
      history.pushState(null, '', answered.href)
      moved = true
    }
    page.body.classList.add(...document.body.classList)
    document.body.replaceWith(page.body)
    document.title = page.title
    const body = document.body
    if (!again) window.scrollTo(0, 0)
    draw(body)
    if (again) {
      keepChosen(body.querySelector('main'), chosen)
      const summary = body.querySelector('.govuk-error-summary')
      if (summary) {
        summary.setAttribute('tabindex', '-1')
        summary.focus()
      }
    }
  })
  request.addEventListener('error', () => sendTheBrowsersWay(form, submitter))
  request.send(data)
}

// The files chosen go back into the fields of the same name, unless the server refused them there (a file of a kind
// it does not take, too large): those are chosen afresh. GOV.UK's field says their names, as when first chosen.
function keepChosen (main, chosen) {
  for (const { name, files } of chosen) {
    const input = [...main.querySelectorAll('input[type=file]')].find(field => field.name === name)
    if (!input || input.closest('.govuk-form-group--error')) continue
    input.files = files
    input.dispatchEvent(new Event('change', { bubbles: true }))
  }
}

function sendTheBrowsersWay (form, submitter) {
  if (submitter?.name) {
    const field = document.createElement('input')
    field.type = 'hidden'
    field.name = submitter.name
    field.value = submitter.value
    form.append(field)
  }
  form.submit()
}
