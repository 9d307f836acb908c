import { type DynamicModule, Global, Module, type InjectionToken } from '@nestjs/common';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { createKafka } from '../kafka/kafka-client';
import { OutboxWriter } from '../outbox/outbox-writer';
import { MessagingRuntime, type MessagingOptions } from './messaging-runtime';
import { KAFKA, MESSAGING_OPTIONS } from './messaging.tokens';

/** Messaging for a NestJS service: inject `OutboxWriter` to publish in a transaction; the rest runs itself. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: () => MessagingOptions): DynamicModule {
    return MessagingModule.forRootAsync({ service: options().service, useFactory: options });
  }

  /**
   * When handlers need the service's own providers (an intake service). The service name is given
   * up front: the OutboxWriter those providers use must not wait for the handlers that use them.
   */
  static forRootAsync(options: {
    service: string;
    inject?: InjectionToken[];
    useFactory: (...dependencies: never[]) => MessagingOptions;
  }): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: KAFKA,
          inject: [MESSAGING_OPTIONS, LOGGER],
          useFactory: ({ service, kafka }: MessagingOptions, logger: Logger) =>
            createKafka({ clientId: service, ...kafka, logger }),
        },
        { provide: OutboxWriter, useValue: new OutboxWriter(options.service) },
        MessagingRuntime,
      ],
      exports: [OutboxWriter, KAFKA],
    };
  }
}
