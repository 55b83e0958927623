// File fields before and after sending: the check a phone makes before sending (how many files, how large; the
// server checks the same, this spares a slow network minutes of sending for nothing), and the refusal said at the
// field, as the server says its own.

// Says a refusal at a file field and focuses it. GOV.UK's file upload component hides the input behind a button of its
// own: the error goes above both, and the button is what is described and focused.
export function refuse (input, message) {
  const group = input.closest('.govuk-form-group')
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

// Whether the form's files pass the check (data-max-files, data-max-bytes on the field); if not, the refusal is said.
export function filesPass (form) {
  for (const input of form.querySelectorAll('input[type=file][data-max-files]')) {
    const files = [...input.files]
    const tooLarge = files.filter(file => file.size > Number(input.dataset.maxBytes)).map(file => file.name)
    if (files.length > Number(input.dataset.maxFiles)) {
      refuse(input, input.dataset.tooMany)
      return false
    }
    if (tooLarge.length > 0) {
      refuse(input, input.dataset.tooLarge.replace('{0}', tooLarge.join(', ')))
      return false
    }
  }
  return true
}
