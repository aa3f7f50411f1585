// Initialise GOV.UK Frontend and MoJ Frontend components on the page.
//
// Load from the base template, at the end of <body>, as a module:
//   <script type="module" src="{% static 'js/init.mjs' %}"></script>
// Browsers that cannot run ES modules skip it and get the no-JS experience,
// which GOV.UK Frontend 5 is designed for. The <body> must carry the
// `govuk-frontend-supported` class (set by the inline snippet in the base
// template) or both libraries refuse to initialise.
//
// Both vendored builds are self-contained ES modules (see
// scripts/vendor_frontend.sh): govuk-frontend.min.js and moj-frontend.min.js
// each `export { initAll, ... }`, so no classic <script> tag is needed for MoJ.
// The imports are relative so they resolve from wherever STATIC_URL points.
import { initAll as initGovukFrontend } from '../govuk/govuk-frontend.min.js'
import { initAll as initMojFrontend } from '../moj/moj-frontend.min.js'

initGovukFrontend()
initMojFrontend()
