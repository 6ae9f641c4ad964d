// A chart picture into Slack, after the text answer: files.uploadV2 (files.getUploadURLExternal, the
// bytes to the upload URL, files.completeUploadExternal) into the answer's channel and thread, with alt
// text that lists every figure. The picture is a bonus on top of an answer already posted, so a failed
// upload (the app lacks files:write, Slack refuses the size, a timeout) is one warning and nothing else:
// no retry (the answer is there; a late picture out of order helps no one), and the Web API client's own
// warnings are turned down to debug so the operator reads one line per lost picture.
import { webApi } from '@slack/bolt';
import { errorForLog, type ChartView, type Logger } from '../../src/index.ts';
import { boltLogger } from './bolt-logger.ts';
import type { WebClientOptions } from './create-slack-app.ts';
import { slackErrorCode } from './listeners/listener.ts';

/** Each of the three requests may take this long: a 100 KB PNG takes well under a second. */
export const CHART_UPLOAD_TIMEOUT_MS = 10_000;

/** Where the answer was posted: the picture goes right under it. */
export interface ChartPlace {
  channel: string;
  threadTs?: string;
}

export interface ChartUploader {
  /** Uploads the picture `png` resolves to. Never rejects: a failure (drawing included) is one warning. */
  upload(view: ChartView, png: Promise<Buffer>, place: ChartPlace): Promise<void>;
}

export interface ChartUploaderOptions {
  token: string;
  /** The bot's Web API client options (API URL, ...); retries and timeout are the uploader's own. */
  clientOptions: WebClientOptions;
  logger: Logger;
  timeoutMs?: number;
}

/** What the operator can do about a Slack error code. */
const FIXES: Record<string, string> = {
  missing_scope: "add the files:write scope (adapters/slack/manifest.yml) to the app's bot scopes and reinstall it",
  not_in_channel: 'invite the bot to the channel',
};

export function createChartUploader({ token, clientOptions, logger, timeoutMs = CHART_UPLOAD_TIMEOUT_MS }: ChartUploaderOptions): ChartUploader {
  const library = boltLogger(logger);
  const client = new webApi.WebClient(token, {
    ...clientOptions,
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
    logger: { ...library, warn: library.debug },
  });
  return {
    async upload(view, png, place) {
      try {
        const file = { file: await png, filename: view.fileName, title: view.title, alt_text: view.altText };
        await (place.threadTs
          ? client.files.uploadV2({ ...file, channel_id: place.channel, thread_ts: place.threadTs })
          : client.files.uploadV2({ ...file, channel_id: place.channel }));
      } catch (err) {
        const code = slackErrorCode(err);
        logger.warn(
          { err: errorForLog(err), chart: view.chart, ...(code ? { code } : {}), ...(code && FIXES[code] ? { fix: FIXES[code] } : {}) },
          'slack: could not upload the chart; the text answer stands',
        );
      }
    },
  };
}
