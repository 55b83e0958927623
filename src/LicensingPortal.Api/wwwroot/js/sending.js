// One sending per tap: a form that may carry large files from a phone (minutes on a slow network) cannot be sent
// twice by a second tap. Once sent, its button is disabled and says it is sending (data-sending); the page the
// browser comes back to (its back button) gets the button back.
export function enhance (form) {
  const button = form.querySelector('button[type=submit]')
  if (!button) return
  const label = button.textContent
  form.addEventListener('submit', () => {
    // After this turn, so that the form is sent before its button is disabled.
    setTimeout(() => {
      button.disabled = true
      button.setAttribute('aria-disabled', 'true')
      if (button.dataset.sending) button.textContent = button.dataset.sending
    }, 0)
  })
  window.addEventListener('pageshow', () => {
    button.disabled = false
    button.removeAttribute('aria-disabled')
    button.textContent = label
  })
}
