// Progressive enhancement only: every task works without this script.
import { draw } from '/js/draw.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
draw(document)
