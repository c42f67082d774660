/** GOV.UK Notify on Node through the official client, `notifications-node-client` (server/notify.ts on Workers). */
import { NotifyClient } from 'notifications-node-client';
import { NotifyError, notifyPayload, type NotifySender, type NotifySettings } from './notify';

export function notifyNodeClient(settings: NotifySettings): NotifySender {
  const client = new NotifyClient(settings.baseUrl.replace(/\/+$/, ''), settings.apiKey);
  return {
    async send(message) {
      const { body } = notifyPayload(settings, message);
      try {
        if (message.email) {
          await client.sendEmail(settings.emailTemplateId, message.email, {
            personalisation: body.personalisation,
            reference: message.reference,
            ...(message.unsubscribeUrl ? { oneClickUnsubscribeURL: message.unsubscribeUrl } : {}),
          });
        } else {
          await client.sendSms(settings.smsTemplateId, message.phone ?? '', { personalisation: body.personalisation, reference: message.reference });
        }
      } catch (error) {
        const status = (error as { response?: { status?: number } }).response?.status;
        throw new NotifyError(`GOV.UK Notify refused the message${status ? ` (${status})` : ''}`);
      }
    },
  };
}
