// Upload progress: sends the same form the page accepts without JavaScript, showing how much has gone; the page's
// answer is shown in place, the file kept chosen if the form comes back with errors (inplace.js). A file too large is
// refused at its field before anything is sent (files.js).
import { filesPass } from '/js/files.js'
import { sendInPlace } from '/js/inplace.js'

export function enhance (form) {
  const progress = form.querySelector('progress')
  const button = form.querySelector('button[type=submit]')

  form.addEventListener('submit', event => {
    const file = form.querySelector('input[type=file]')
    if (!file || file.files.length === 0 || !progress) return
    event.preventDefault()
    if (!filesPass(form)) return
    progress.hidden = false
    progress.value = 0
    if (button) button.disabled = true
    sendInPlace(form, {
      submitter: event.submitter,
      onProgress: share => { progress.value = Math.round(share * 100) }
    })
  })

  // Shown again (going back to it, or a sending that did not arrive): ready to send again.
  window.addEventListener('pageshow', () => {
    if (progress) progress.hidden = true
    if (button) button.disabled = false
  })
}
