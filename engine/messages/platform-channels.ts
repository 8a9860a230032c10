// The channels of a running platform. E-mail is set up by the platform (SMTP_URL or the development outbox);
// Digital Post and SMS use DIGITAL_POST_URL / SMS_URL, or outside production the local simulators, started as
// their own HTTP services (engine/simulators/) and told where to post their receipts once the platform listens.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { startDigitalPostSimulator, type DigitalPostSimulator } from '../simulators/digital-post-server';
import { startSmsGatewaySimulator, type SmsGatewaySimulator } from '../simulators/sms-gateway-server';
import { CALLBACK_PATHS } from '../http/routes/channel-callbacks';
import type { Channels } from './channels';
import { DigitalPostChannel } from './digital-post';
import { SmsChannel } from './sms';

export interface PlatformChannels {
  channels: Channels;
  /** Signs and checks delivery receipts. */
  callbackSecret: string;
  digitalPostSimulator?: DigitalPostSimulator;
  smsSimulator?: SmsGatewaySimulator;
  /** Where this platform receives callbacks, known once it listens: tells the simulators and the SMS channel. */
  listening(origin: string): void;
  stop(): Promise<void>;
}

export async function startMessageChannels(config: Config, logger: Logger): Promise<PlatformChannels> {
  const dev = config.NODE_ENV !== 'production';
  const callbackSecret = config.CHANNEL_CALLBACK_SECRET ?? randomBytes(32).toString('base64url');
  let origin = config.PUBLIC_CALLBACK_ORIGIN;
  const channels: Channels = {};
  let digitalPostSimulator: DigitalPostSimulator | undefined;
  let smsSimulator: SmsGatewaySimulator | undefined;

  const sender = { id: config.DIGITAL_POST_SENDER_ID ?? '11111111', label: config.DIGITAL_POST_SENDER_NAME ?? 'Tingvalla' };
  if (config.DIGITAL_POST_URL && config.DIGITAL_POST_USER && config.DIGITAL_POST_PASSWORD) {
    channels.digitalPost = new DigitalPostChannel({ url: config.DIGITAL_POST_URL, credentials: { user: config.DIGITAL_POST_USER, password: config.DIGITAL_POST_PASSWORD }, sender });
  } else if (dev) {
    digitalPostSimulator = await startDigitalPostSimulator({ port: config.DEV_DIGITAL_POST_PORT ?? 0, callbackSecret });
    channels.digitalPost = new DigitalPostChannel({ url: digitalPostSimulator.url, credentials: digitalPostSimulator.credentials, sender });
    logger.info({ url: digitalPostSimulator.url }, 'Digital Post simulator started (no DIGITAL_POST_URL)');
  }
  const callbackUrl = () => (origin ? new URL(CALLBACK_PATHS.sms, origin).toString() : undefined);
  if (config.SMS_URL && config.SMS_TOKEN) {
    channels.sms = new SmsChannel({ url: config.SMS_URL, token: config.SMS_TOKEN, sender: config.SMS_SENDER ?? 'Tingvalla', callbackUrl });
  } else if (dev) {
    smsSimulator = await startSmsGatewaySimulator({ port: config.DEV_SMS_PORT ?? 0, callbackSecret });
    channels.sms = new SmsChannel({ url: smsSimulator.url, token: smsSimulator.token, sender: config.SMS_SENDER ?? 'Tingvalla', callbackUrl });
    logger.info({ url: smsSimulator.url }, 'SMS gateway simulator started (no SMS_URL)');
  }
  return {
    channels,
    callbackSecret,
    ...(digitalPostSimulator ? { digitalPostSimulator } : {}),
    ...(smsSimulator ? { smsSimulator } : {}),
    listening(own) {
      // In production only the configured public origin: a provider cannot reach this server's own address.
      origin = config.PUBLIC_CALLBACK_ORIGIN ?? (dev ? own : undefined);
      digitalPostSimulator?.setReceiptUrl(new URL(CALLBACK_PATHS.digitalPost, own).toString());
    },
    async stop() {
      await digitalPostSimulator?.stop();
      await smsSimulator?.stop();
    },
  };
}
