// Live pre-check: while the applicant answers, asks the page's Precheck handler (the same use case as
// POST /api/applications/precheck) for the would-be decision on the answers on screen, and shows it.
// Nothing is saved; without this script the panel shows the pre-check of the saved answers.
const delay = 700

export function enhance (form) {
  const panel = () => document.getElementById('precheck')
  let timer = null
  let controller = null

  const refresh = async () => {
    if (!panel()) return
    controller?.abort()
    controller = new AbortController()
    const url = new URL(window.location.href)
    url.searchParams.set('handler', 'Precheck')
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: new FormData(form),
        credentials: 'same-origin',
        signal: controller.signal,
        headers: { Accept: 'text/html' }
      })
      if (!response.ok || response.redirected) return
      const html = await response.text()
      const next = new DOMParser().parseFromString(html, 'text/html').getElementById('precheck')
      if (!next || !panel()) return
      // A keyboard user on one of the panel's buttons stays on it (the same question's) in the new panel.
      const focused = panel().contains(document.activeElement) ? document.activeElement : null
      panel().replaceWith(next)
      // The line above the page's button says whether this page's answers are among what is wrong.
      const note = document.getElementById('precheck-note')
      if (note) note.hidden = next.dataset.here === '0'
      if (focused?.name) {
        const same = [...next.querySelectorAll('button')].find(b => b.name === focused.name && b.value === focused.value)
        same?.focus()
      }
    } catch (error) {
      if (error.name !== 'AbortError') console.debug('pre-check unavailable', error)
    }
  }

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(refresh, delay)
  }

  form.addEventListener('input', schedule)
  form.addEventListener('change', schedule)
  // Shown again with errors, the panel is of the saved answers: asked at once for the answers on screen.
  if (document.querySelector('.govuk-error-summary')) refresh()
}
