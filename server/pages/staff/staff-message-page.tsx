/** A staff page that only says something in plain words: not allowed, not found. */
import { StaffShell, type StaffUser } from './staff-shell';

export interface StaffMessagePageProps {
  title: string;
  paragraphs: string[];
  user?: StaffUser | undefined;
  links?: { href: string; text: string }[];
}

export function StaffMessagePage({ title, paragraphs, user, links = [] }: StaffMessagePageProps) {
  return (
    <StaffShell title={title} user={user}>
      <div class="narrow">
        <h1>{title}</h1>
        {paragraphs.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {links.map((link) => (
          <p key={link.href}>
            <a href={link.href}>{link.text}</a>
          </p>
        ))}
      </div>
    </StaffShell>
  );
}
