// A form that may carry large files from a phone (minutes on a slow network).
// Before sending: files chosen are checked as the server checks them (how many, how large; data-max-files on the file
// input), and a refusal is said at the field at once, nothing sent. Once sent: the form is not sent again by a second
// tap, and its button says it is sending (data-sending); the page the browser comes back to gets it back as it was.
// With files chosen, it is sent in place (inplace.js), so a form that comes back with errors keeps them chosen.
import { sendInPlace } from '/js/inplace.js'

export function enhance (form) {
  const button = form.querySelector('button[type=submit]')
  const label = button ? button.textContent : ''
  let sent = false

  const refuse = (input, message) => {
    const group = input.closest('.govuk-form-group')
    // GOV.UK's file upload component hides the input behind a button of its own: the error goes above both, and
    // the button is what is described and focused.
    const wrapper = input.closest('.govuk-file-upload-wrapper')
    const control = wrapper?.querySelector('.govuk-file-upload-button') ?? input
    let error = group.querySelector('.govuk-error-message')
    if (!error) {
      error = document.createElement('p')
      error.className = 'govuk-error-message'
      error.id = `${control.id}-error`
      ;(wrapper ?? input).before(error)
      control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${error.id}`.trim())
    }
    const prefix = document.createElement('span')
    prefix.className = 'govuk-visually-hidden'
    prefix.textContent = `${input.dataset.errorPrefix} `
    error.replaceChildren(prefix, message)
    group.classList.add('govuk-form-group--error')
    input.classList.add('govuk-file-upload--error')
    control.focus()
  }

  form.addEventListener('submit', event => {
    if (sent) {
      event.preventDefault()
      return
    }
    for (const input of form.querySelectorAll('input[type=file][data-max-files]')) {
      const files = [...input.files]
      const most = Number(input.dataset.maxFiles)
      const largest = Number(input.dataset.maxBytes)
      const tooLarge = files.filter(file => file.size > largest).map(file => file.name)
      if (files.length > most) {
        event.preventDefault()
        refuse(input, input.dataset.tooMany)
        return
      }
      if (tooLarge.length > 0) {
        event.preventDefault()
        refuse(input, input.dataset.tooLarge.replace('{0}', tooLarge.join(', ')))
        return
      }
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
