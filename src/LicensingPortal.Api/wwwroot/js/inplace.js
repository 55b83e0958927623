// Sends a form with files as the browser would, staying on the page while it goes (so progress can be shown), and keeps
// the files chosen when the form comes back with errors: a browser never sends a file twice, so a page shown again
// would ask a person to find their photos again. The server is told (a header) that the files stay chosen, and does
// not ask for them again.
//
// The answer is followed as a browser would. The form shown again with its errors replaces the page in place. Any
// other page (after a redirect, or a refusal such as "too large") replaces it as a new entry in the history, at its
// address, without loading it a second time (TempData's once-only words, a report's secret code among them, would be
// lost to a second load); going back shows the form's page as it was left, its typing and files still there.
import { draw } from '/js/draw.js'
import { refuse } from '/js/files.js'

// The pages drawn here, by their history entry, to be shown again when the person goes back or forward to one.
const pages = new Map()
let entries = 0
window.addEventListener('popstate', event => {
  const id = event.state?.kupangPage
  if (id === undefined) return
  const page = pages.get(id)
  if (!page) {
    window.location.replace(window.location.href)
    return
  }
  if (page.body !== document.body) document.body.replaceWith(page.body)
  document.title = page.title
  // A form shown again may be sent again: its scripts undo their "sending" state as on a page the browser shows again.
  window.dispatchEvent(new Event('pageshow'))
})

export function sendInPlace (form, { submitter, onProgress } = {}) {
  const chosen = [...form.querySelectorAll('input[type=file]')]
    .filter(input => input.name && input.files.length > 0)
    .map(input => ({ name: input.name, files: input.files }))
  const sent = new URL(form.getAttribute('action') || window.location.href, window.location.href)
  const data = new FormData(form)
  if (submitter?.name) data.append(submitter.name, submitter.value)

  const request = new XMLHttpRequest()
  let uploaded = false
  request.open('POST', sent.href)
  request.setRequestHeader('Accept', 'text/html')
  request.setRequestHeader('Kupang-Keeps-Files', 'true')
  request.upload.addEventListener('progress', e => {
    if (onProgress && e.lengthComputable) onProgress(e.loaded / e.total)
  })
  request.upload.addEventListener('load', () => { uploaded = true })
  request.addEventListener('load', () => {
    const page = new DOMParser().parseFromString(request.responseText, 'text/html')
    if (!page.querySelector('main')) {
      notSent(form)
      return
    }
    const answered = new URL(request.responseURL || sent.href)
    const redirected = withoutHash(answered) !== withoutHash(sent)
    const again = request.status === 200 && !redirected && page.querySelector('main .govuk-error-summary, main .govuk-error-message') !== null
    if (again) {
      show(page)
      keepChosen(document.body.querySelector('main'), chosen)
      const summary = document.body.querySelector('.govuk-error-summary')
      if (summary) {
        summary.setAttribute('tabindex', '-1')
        summary.focus()
      }
      return
    }
    // Another page: a new entry in the history, the form's page kept to be shown again on going back.
    const formEntry = history.state?.kupangPage ?? ++entries
    history.replaceState({ ...history.state, kupangPage: formEntry }, '')
    pages.set(formEntry, { body: document.body, title: document.title })
    const answerEntry = ++entries
    history.pushState({ kupangPage: answerEntry }, '', answered.href)
    show(page)
    pages.set(answerEntry, { body: document.body, title: document.title })
    window.scrollTo(0, 0)
    // Focus as on a page opened afresh: where its own components put it (a banner that alerts), else its heading.
    if (document.activeElement === document.body || !document.activeElement) {
      const heading = document.body.querySelector('main h1')
      if (heading) {
        heading.setAttribute('tabindex', '-1')
        heading.focus()
      }
    }
  })
  // Cut off while sending: the server got no whole form, so the browser sends it its own way. Cut off after it was
  // all sent: it may have arrived, so nothing is sent again unasked.
  request.addEventListener('error', () => {
    if (uploaded) notSent(form)
    else sendTheBrowsersWay(form, submitter)
  })
  request.send(data)
}

const withoutHash = url => {
  const copy = new URL(url)
  copy.hash = ''
  return copy.href
}

// The answer's whole body replaces the page's (its header's links, the language's way back and the menu's current
// page, are of that page), drawn as a page opened afresh.
function show (page) {
  page.body.classList.add(...document.body.classList)
  document.body.replaceWith(page.body)
  document.title = page.title
  draw(document.body)
}

// The files chosen go back into the fields of the same name, unless the server refused them there (a file of a kind
// it does not take): those are chosen afresh. GOV.UK's field says their names, as when first chosen. Where a browser
// cannot put them back, the field asks for them again.
function keepChosen (main, chosen) {
  for (const { name, files } of chosen) {
    const input = [...main.querySelectorAll('input[type=file]')].find(field => field.name === name)
    if (!input || input.closest('.govuk-form-group--error')) continue
    try {
      input.files = files
    } catch {
      // Left empty: said below.
    }
    if (input.files.length === 0) {
      refuse(input, input.dataset.chooseAgain)
      continue
    }
    input.dispatchEvent(new Event('change', { bubbles: true }))
  }
}

// No page came back, or the connection was cut after the form was all sent: the form is left as it is, to be sent
// again, and the person is told at its first file field.
function notSent (form) {
  window.dispatchEvent(new Event('pageshow'))
  const input = form.querySelector('input[type=file]')
  if (input) refuse(input, input.dataset.notSent)
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
