// Live progress of a what-if analysis: asks the page for its progress panel every second and shows it; when the
// analysis ends, reloads the page to show the result. Without this script the page refreshes itself every 3 s.
export function enhance (container) {
  const running = () => container.querySelector('[data-running]')?.getAttribute('data-running') === 'true'
  if (!running()) return

  const url = new URL(window.location.href)
  url.searchParams.set('handler', 'Progress')
  const timer = setInterval(async () => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      if (!response.ok || response.redirected) return
      const panel = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('whatif-progress')
      if (!panel) return
      container.querySelector('#whatif-progress').replaceWith(panel)
      if (!running()) {
        clearInterval(timer)
        window.location.reload()
      }
    } catch (error) {
      console.debug('progress unavailable', error)
    }
  }, 1000)
}
