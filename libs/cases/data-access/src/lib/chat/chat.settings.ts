/** Web chat's timings and limits (CHAT_* in the cases service's configuration). */
export interface ChatSettings {
  /** A chat with no message either way for this long is ended, and its transcript mailed. */
  idleMinutes: number;
  /** How often replicas look for idle chats and transcripts to send. */
  sweepSeconds: number;
  /** Staff count as present this long after their portal last said so (it says so every minute). */
  presenceSeconds: number;
  /** A comment line on every open stream this often, so that proxies keep idle streams open. */
  keepAliveSeconds: number;
  /** Open streams one replica serves at most; beyond, 503 and the widget retries later. */
  maxStreams: number;
  /** Open streams on one chat at most (a family's tabs and devices). */
  maxStreamsPerChat: number;
  /** The district's time zone: the times in a transcript. */
  timeZone: string;
}

export const CHAT_SETTINGS = Symbol('CHAT_SETTINGS');

export const DEFAULT_CHAT_SETTINGS: ChatSettings = {
  idleMinutes: 30,
  sweepSeconds: 60,
  presenceSeconds: 150,
  keepAliveSeconds: 15,
  maxStreams: 5_000,
  maxStreamsPerChat: 5,
  timeZone: 'America/Chicago',
};

/** The chat widget's script, as the app finds it: built beside it in production, from source in development. */
export interface ChatWidgetScript {
  load(): Promise<string>;
}
export const CHAT_WIDGET_SCRIPT = Symbol('CHAT_WIDGET_SCRIPT');

/** No widget script (tests of the API alone): /chat/widget.js answers 404. */
export const NO_CHAT_WIDGET: ChatWidgetScript = {
  load: () => Promise.reject(new Error('No chat widget script is configured')),
};
