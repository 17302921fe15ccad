// Initialise GOV.UK Frontend components. Load with <script type="module" src="~/js/app.js"></script>.
// /lib/govuk-frontend.min.js is copied from node_modules/govuk-frontend/dist/govuk/ by FrontEnd.targets.
import { initAll } from '/lib/govuk-frontend.min.js';

initAll();
