// "Use where I am now" on the location question: fills the coordinates from the phone's location, for an owner standing
// at the premises, instead of copying two numbers from a map. Shown only where the browser can tell its location;
// without this script (or when it cannot) the fields are typed as the hint says. The words come from the page
// (data-*), in its language; the status line is read out (role="status").
// A position known only roughly (a computer's guess from its network) is not written in: the line says to try at the
// premises, outdoors, or to copy the numbers.
const roughest = 100

export function enhance (element) {
  // Only over HTTPS does a browser tell a page where it is; elsewhere it refuses as if the owner had.
  if (!('geolocation' in navigator) || !window.isSecureContext) return
  const form = element.closest('form')
  const latitude = form?.querySelector('input[name="Latitude"]')
  const longitude = form?.querySelector('input[name="Longitude"]')
  const button = element.querySelector('button')
  const status = element.querySelector('[role="status"]')
  if (!latitude || !longitude || !button || !status) return
  element.hidden = false

  const say = text => { status.textContent = text }
  const put = (input, value) => {
    input.value = value.toFixed(5)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('change', { bubbles: true }))
  }

  // While it looks, the button says so and ignores presses, keeping the focus (a disabled button would drop it).
  let looking = false
  const done = text => {
    looking = false
    button.removeAttribute('aria-disabled')
    say(text)
  }
  button.addEventListener('click', () => {
    if (looking) return
    looking = true
    button.setAttribute('aria-disabled', 'true')
    say(element.dataset.finding)
    navigator.geolocation.getCurrentPosition(
      position => {
        const metres = Math.max(1, Math.round(position.coords.accuracy))
        if (metres > roughest) {
          done(element.dataset.rough.replace('{0}', metres))
          return
        }
        put(latitude, position.coords.latitude)
        put(longitude, position.coords.longitude)
        done(element.dataset.found.replace('{0}', metres))
      },
      error => done(error.code === error.PERMISSION_DENIED ? element.dataset.denied : element.dataset.failed),
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 })
  })
}
