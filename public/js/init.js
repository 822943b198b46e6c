// Enhancement only: every page works without JavaScript.
import { initAll as initGovuk } from '/static/govuk-frontend.min.js';
import { initAll as initMoj } from '/static/moj-frontend.min.js';
initGovuk();
initMoj();
