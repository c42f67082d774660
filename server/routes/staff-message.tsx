/** A staff page that only says something (refused, not found): the message page, for the signed-in person. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../deps';
import { renderDocument } from '../pages/render';
import { StaffMessagePage } from '../pages/staff/staff-message-page';
import { staffUser } from './staff-common';

export interface StaffMessage {
  title: string;
  paragraphs: string[];
  links: { href: string; text: string }[];
}

export function staffMessage(c: Context<AppEnv>, status: ContentfulStatusCode, message: StaffMessage): Response | Promise<Response> {
  return c.html(renderDocument(<StaffMessagePage {...message} user={staffUser(c.var.principal)} />), status);
}
