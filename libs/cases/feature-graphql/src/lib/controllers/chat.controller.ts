import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  CaseService,
  TrackingLinks,
  CHAT_SETTINGS,
  CHAT_WIDGET_SCRIPT,
  ChatStreamHub,
  type ChatSettings,
  type ChatWidgetScript,
} from '@homeroom/cases/data-access';
import { Public } from '@homeroom/platform/auth';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { ChatEventStream } from './chat-event-stream';

/** `Authorization: Tracking <token>`: how the widget shows its chat's tracking token (never in the URL, which logs keep). */
export function trackingTokenOf(authorization: string | undefined): string | undefined {
  const match = /^Tracking\s+([A-Za-z0-9_-]{16,200})\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * The web chat's HTTP side, served on the public origin by the gateway (/chat): the widget's script, and the
 * family's live stream of their chat (Server-Sent Events; the gateway's GraphQL has no subscriptions).
 */
@Controller('chat')
export class ChatController {
  private script: Promise<{ body: string; gzipped: Buffer; etag: string }> | undefined;

  constructor(
    private readonly hub: ChatStreamHub,
    private readonly cases: CaseService,
    private readonly trackingLinks: TrackingLinks,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
    @Inject(CHAT_WIDGET_SCRIPT) private readonly widget: ChatWidgetScript,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Public()
  @Get('widget.js')
  async widgetScript(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.script ??= this.widget.load().then((body) => ({
      body,
      // Compressed once: every page view of every district website asks for it.
      gzipped: gzipSync(body, { level: 9 }),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    }));
    let script;
    try {
      script = await this.script;
    } catch (error) {
      this.script = undefined;
      this.logger.error({ err: error }, 'the chat widget script could not be loaded');
      response.status(404).json({ error: 'No chat widget here' });
      return;
    }
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    // District pages embed it from this origin.
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.setHeader('ETag', script.etag);
    response.setHeader('Vary', 'Accept-Encoding');
    if (request.header('if-none-match') === script.etag) {
      response.status(304).end();
      return;
    }
    if (/\bgzip\b/.test(request.header('accept-encoding') ?? '')) {
      response.setHeader('Content-Encoding', 'gzip');
      response.status(200).send(script.gzipped);
      return;
    }
    response.status(200).send(script.body);
  }

  /**
   * `GET /chat/events` with `Authorization: Tracking <token>`: the chat's messages, then each new one as it
   * is written, and its end. 401 without a token, 404 for one that is not a chat's, 503 (Retry-After) when
   * this replica holds as many streams as it may.
   */
  @Public()
  @Get('events')
  async events(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    const token = trackingTokenOf(request.header('authorization'));
    if (!token) {
      response
        .status(401)
        .setHeader('WWW-Authenticate', 'Tracking')
        .json({ error: 'A tracking token is needed' });
      return;
    }
    const supportCase = await this.cases.findByToken(token).catch(() => null);
    if (!supportCase || supportCase.channel !== 'CHAT') {
      response.status(404).json({ error: 'No such chat' });
      return;
    }
    const caseId = supportCase.id;
    const stream = new ChatEventStream(
      response,
      this.settings.keepAliveSeconds * 1000,
      () => this.hub.unsubscribe(caseId, stream),
      (text) => this.trackingLinks.forHolder(text, token),
    );
    // Subscribed before the first read: a message written meanwhile is in one or the other (sent once).
    const outcome = this.hub.subscribe(caseId, stream);
    if (outcome !== 'SUBSCRIBED') {
      this.logger.warn({ caseId, outcome }, 'chat stream refused');
      response
        .status(503)
        .setHeader('Retry-After', '10')
        .json({ error: 'Too many open streams', reason: outcome });
      return;
    }
    stream.open();
    request.on('close', () => {
      this.hub.unsubscribe(caseId, stream);
      stream.close();
    });
    const state = await this.hub.state(caseId);
    if (!state) {
      stream.close();
      this.hub.unsubscribe(caseId, stream);
      return;
    }
    stream.update(state);
  }
}
