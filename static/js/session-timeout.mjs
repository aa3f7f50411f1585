// The session timeout warning (the GOV.UK / HMPPS pattern): two minutes before ARMS would sign
// the user out for inactivity, a dialog offers "Stay signed in"; before the 8-hour session
// ends, it says so (that one cannot be extended: the user signs in again).
//
// The figures come from the server on the dialog's data attributes (seconds left when the page
// was made). Without JavaScript nothing shows and the server still signs the user out.
const WARN_BEFORE = 120

const dialog = document.getElementById('session-timeout')
if (dialog && typeof dialog.showModal === 'function') {
  const idleSeconds = Number(dialog.dataset.idleSeconds)
  let idleEnds = Date.now() + Number(dialog.dataset.idleLeft) * 1000
  const sessionEnds = Date.now() + Number(dialog.dataset.sessionLeft) * 1000
  const countdown = dialog.querySelector('[data-countdown]')
  const stay = dialog.querySelector('[data-stay]')
  const heading = dialog.querySelector('[data-heading]')
  let timer = null

  const minutes = (ms) => {
    const m = Math.max(1, Math.ceil(ms / 60000))
    return `${m} minute${m === 1 ? '' : 's'}`
  }

  const tick = () => {
    const now = Date.now()
    const sessionLeft = sessionEnds - now
    const idleLeft = idleEnds - now
    const endsFirst = Math.min(sessionLeft, idleLeft)
    if (endsFirst <= 0) {
      window.location.reload() // the server signs the user out and says why
      return
    }
    if (endsFirst <= WARN_BEFORE * 1000) {
      const final = sessionLeft <= idleLeft
      heading.textContent = final ? 'Your session is about to end' : 'You are about to be signed out'
      countdown.textContent = minutes(endsFirst)
      stay.hidden = final
      if (!dialog.open) dialog.showModal()
    }
  }

  stay.addEventListener('click', async () => {
    const token = dialog.querySelector('input[name=csrfmiddlewaretoken]').value
    const response = await fetch(dialog.dataset.keepAliveUrl, {
      method: 'POST',
      headers: { 'X-CSRFToken': token },
      credentials: 'same-origin'
    })
    if (response.ok) {
      idleEnds = Date.now() + idleSeconds * 1000
      dialog.close()
    } else {
      window.location.reload()
    }
  })

  timer = window.setInterval(tick, 15000)
  tick()
  window.addEventListener('pagehide', () => window.clearInterval(timer))
}
