/**
 * The document around every staff page: a skip link, the service header (the service's name, who is
 * signed in and "Sign out" on one row; the navigation on its own row below), one <main>. On a phone
 * the navigation is one row that scrolls sideways, not four rows of links above every page.
 */
import type { ComponentChildren } from 'preact';
import { pageScripts } from '../../../widget/page-scripts.gen';
import { BASE_CSS } from '../styles';
import { STAFF_CSS } from './styles';

export interface StaffUser {
  name: string;
  /** Shows the Safeguarding link. */
  reviewsFlags: boolean;
  /** Reads figures (the dashboard); a safeguarding lead by that role alone does not. */
  readsReports?: boolean;
  /** Writes "You said, we did" (shows its link). */
  managesActions?: boolean;
  /** Shows the Sites link: sets up and runs the council's sites, QR codes and posters. */
  managesSites?: boolean;
  /** Shows People (and the outbox), Settings and Audit for administrators. */
  managesPeople?: boolean;
  managesSettings?: boolean;
  readsAudit?: boolean;
  /** Shows the Panels link. */
  readsPanels?: boolean;
  /** Shows the Surveys link. */
  managesSurveys?: boolean;
  /** Shows the Paper forms link: keys in paper forms families filled in. */
  entersPaper?: boolean;
  /** Shows the Meetings link: focus groups, forums and consultations, with their notes. */
  readsMeetings?: boolean;
}

export interface StaffShellProps {
  title: string;
  /** Signed-in staff get the navigation; the sign-in page passes none. */
  user?: StaffUser | undefined;
  current?: 'dashboard' | 'safeguarding' | 'actions' | 'sites' | 'surveys' | 'people' | 'settings' | 'audit' | 'panels' | 'paper' | 'meetings' | undefined;
  children: ComponentChildren;
  /** A page's own styles, after the shared ones. */
  extraCss?: string | undefined;
}

export function StaffShell({ title, user, current, children, extraCss = '' }: StaffShellProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – hubvoice`}</title>
        <style dangerouslySetInnerHTML={{ __html: BASE_CSS + STAFF_CSS + extraCss }} />
      </head>
      <body class="staff">
        <a class="skip" href="#main">
          Skip to main content
        </a>
        <header class="hdr">
          <div class="hdr-in">
            <a class="brand" href={user ? '/dashboard' : '/'}>
              hubvoice
            </a>
            {user && (
              <div class="acct">
                <span class="who">{user.name}</span>
                <form method="post" action="/sign-out">
                  <button class="linkbtn" type="submit">
                    Sign out
                  </button>
                </form>
              </div>
            )}
            {user && (
              <nav aria-label="Staff">
                <ul class="nav">
                  {user.readsReports !== false && (
                    <li>
                      <a href="/dashboard" aria-current={current === 'dashboard' ? 'page' : undefined}>
                        Dashboard
                      </a>
                    </li>
                  )}
                  {user.managesActions && (
                    <li>
                      <a href="/actions" aria-current={current === 'actions' ? 'page' : undefined}>
                        You said, we did
                      </a>
                    </li>
                  )}
                  {user.readsPanels && (
                    <li>
                      <a href="/panels" aria-current={current === 'panels' ? 'page' : undefined}>
                        Panels
                      </a>
                    </li>
                  )}
                  {user.readsMeetings && (
                    <li>
                      <a href="/meetings" aria-current={current === 'meetings' ? 'page' : undefined}>
                        Meetings
                      </a>
                    </li>
                  )}
                  {user.entersPaper && (
                    <li>
                      <a href="/paper" aria-current={current === 'paper' ? 'page' : undefined}>
                        Paper forms
                      </a>
                    </li>
                  )}
                  {user.reviewsFlags && (
                    <li>
                      <a href="/safeguarding" aria-current={current === 'safeguarding' ? 'page' : undefined}>
                        Safeguarding
                      </a>
                    </li>
                  )}
                  {user.managesSites && (
                    <li>
                      <a href="/admin/sites" aria-current={current === 'sites' ? 'page' : undefined}>
                        Sites
                      </a>
                    </li>
                  )}
                  {user.managesSurveys && (
                    <li>
                      <a href="/admin/surveys" aria-current={current === 'surveys' ? 'page' : undefined}>
                        Surveys
                      </a>
                    </li>
                  )}
                  {user.managesPeople && (
                    <li>
                      <a href="/people" aria-current={current === 'people' ? 'page' : undefined}>
                        People
                      </a>
                    </li>
                  )}
                  {user.managesSettings && (
                    <li>
                      <a href="/settings" aria-current={current === 'settings' ? 'page' : undefined}>
                        Settings
                      </a>
                    </li>
                  )}
                  {user.readsAudit && (
                    <li>
                      <a href="/audit" aria-current={current === 'audit' ? 'page' : undefined}>
                        Audit
                      </a>
                    </li>
                  )}
                </ul>
              </nav>
            )}
            {user && (
              // Built from widget/page/staff-nav.ts; without it the row still scrolls by hand.
              <script dangerouslySetInnerHTML={{ __html: pageScripts.staffNav }} />
            )}
          </div>
        </header>
        {/* Named, so a page that shows a family page in a frame (the survey preview) still has distinct landmarks. */}
        <main id="main" tabIndex={-1} aria-label={title}>
          {children}
        </main>
      </body>
    </html>
  );
}
