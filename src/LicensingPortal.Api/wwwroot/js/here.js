// "Use where I am now" on the location question: fills the coordinates from the phone's location, for an owner standing
// at the premises, instead of copying two numbers from a map. Shown only where the browser can tell its location;
// without this script (or when it cannot) the fields are typed as the hint says. The words come from the page
// (data-*), in its language; the status line is read out (role="status").
export function enhance (element) {
  if (!('geolocation' in navigator)) return
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

  button.addEventListener('click', () => {
    button.disabled = true
    say(element.dataset.finding)
    navigator.geolocation.getCurrentPosition(
      position => {
        put(latitude, position.coords.latitude)
        put(longitude, position.coords.longitude)
        button.disabled = false
        say(element.dataset.found.replace('{0}', Math.max(1, Math.round(position.coords.accuracy))))
      },
      error => {
        button.disabled = false
        say(error.code === error.PERMISSION_DENIED ? element.dataset.denied : element.dataset.failed)
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 })
  })
}
