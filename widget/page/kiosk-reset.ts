/**
 * On a kiosk's thank-you page: back to a fresh form for the next family after the seconds the
 * "again" link names (`data-kiosk-reset`), replacing this page so Back cannot reopen it.
 */
const again = document.querySelector<HTMLAnchorElement>('a[data-kiosk-reset]');
if (again) setTimeout(() => location.replace(again.href), Number(again.dataset.kioskReset) * 1000);
