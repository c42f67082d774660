/**
 * On a staff page on a phone, where the navigation is one row that scrolls sideways: brings the
 * link to the page you are on into view, centred where the row allows, as the page opens (Settings
 * and Audit would otherwise start off the right edge). Runs right after the row, before the page
 * below it is drawn, so nothing visibly jumps; on a desktop the row wraps and nothing moves.
 */
const link = document.querySelector<HTMLElement>('nav[aria-label="Staff"] [aria-current="page"]');
const row = link?.closest<HTMLElement>('ul');
if (link && row && row.scrollWidth > row.clientWidth) {
  const at = link.getBoundingClientRect();
  const box = row.getBoundingClientRect();
  row.scrollLeft += at.left - box.left - (box.width - at.width) / 2;
}
