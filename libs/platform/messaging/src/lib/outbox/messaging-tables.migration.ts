import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events written in the same transaction as the state change, published by the relay) and
 * the inbox (ids of events a consumer group has applied, written in the same transaction as the effect).
 * Every service that publishes or consumes lists this migration first.
 */
export class CreateMessagingTables1764150000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764150000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_event (
        position      bigserial   NOT NULL,
        event_id      uuid        NOT NULL,
        topic         text        NOT NULL,
        message_key   text        NOT NULL,
        envelope      jsonb       NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz,
        CONSTRAINT pk_outbox_event PRIMARY KEY (position),
        CONSTRAINT uq_outbox_event_event_id UNIQUE (event_id)
      )`);
    await runner.query(
      'CREATE INDEX ix_outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL',
    );
    await runner.query('CREATE INDEX ix_outbox_event_published_at ON outbox_event (published_at)');
    await runner.query(`
      CREATE TABLE inbox_event (
        consumer_group  text        NOT NULL,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        topic           text        NOT NULL,
        kafka_partition integer     NOT NULL,
        kafka_offset    bigint      NOT NULL,
        processed_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_inbox_event PRIMARY KEY (consumer_group, event_id)
      )`);
    await runner.query('CREATE INDEX ix_inbox_event_processed_at ON inbox_event (processed_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox_event');
    await runner.query('DROP TABLE outbox_event');
  }
}
