// A form that may carry large files from a phone (minutes on a slow network).
// Before sending: files chosen are checked as the server checks them (how many, how large; data-max-files on the file
// input), and a refusal is said at the field at once, nothing sent. Once sent: the form is not sent again by a second
// tap, and its button says it is sending (data-sending); the page the browser comes back to gets it back as it was.
// With files chosen, it is sent in place (inplace.js), so a form that comes back with errors keeps them chosen.
import { filesPass } from '/js/files.js'
import { sendInPlace } from '/js/inplace.js'

export function enhance (form) {
  const button = form.querySelector('button[type=submit]')
  const label = button ? button.textContent : ''
  let sent = false

  form.addEventListener('submit', event => {
    if (sent) {
      event.preventDefault()
      return
    }
    if (!filesPass(form)) {
      event.preventDefault()
      return
    }
    sent = true
    if (button) {
      button.setAttribute('aria-disabled', 'true')
      if (button.dataset.sending) {
        button.textContent = button.dataset.sending
        // Said to a screen reader too, which does not read a button's new text by itself.
        let status = form.querySelector('.kupang-sending-status')
        if (!status) {
          status = document.createElement('p')
          status.className = 'govuk-visually-hidden kupang-sending-status'
          status.setAttribute('role', 'status')
          button.after(status)
        }
        status.textContent = button.dataset.sending
      }
    }
    if ([...form.querySelectorAll('input[type=file]')].some(input => input.files.length > 0)) {
      event.preventDefault()
      sendInPlace(form, { submitter: event.submitter })
    }
  })

  window.addEventListener('pageshow', () => {
    sent = false
    if (button) {
      button.removeAttribute('aria-disabled')
      button.textContent = label
    }
    form.querySelector('.kupang-sending-status')?.remove()
  })
}
