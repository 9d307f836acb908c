import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { retryingStartup } from '@homeroom/platform/database';
import { type LabeledText, starterTrainingSet, TopicClassifier } from '@homeroom/cases/triage';
import { scoreSentiment, type SentimentResult } from '@homeroom/shared/sentiment';
import { TopicEntity } from '../entities';

/** A staff correction outweighs one generated starter example: it is the district's own words. */
const CORRECTION_WEIGHT = 3;
/** Other replicas pick up corrections made elsewhere at least this often. */
const REFRESH_INTERVAL_MS = 10 * 60_000;

export interface TopicSuggestion {
  topicId: string;
  topic: string;
  confidence: number;
  /** The words that drove it, for the timeline. */
  evidence: string[];
}

export interface TriageResult {
  topic: TopicSuggestion | null;
  sentiment: SentimentResult;
}

/**
 * In-process triage of a new case: its topic from the classifier (trained on the project's starter set
 * and every correction staff made, from the database, so replicas agree) and its sentiment. No network:
 * nothing a family writes leaves the district for triage.
 */
let starter: readonly LabeledText[] | undefined;
/** The generated starter set is the same every time: generate it once per process. */
function starterExamples(): readonly LabeledText[] {
  starter ??= starterTrainingSet();
  return starter;
}

@Injectable()
export class TriageService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TriageService.name);
  private classifier = new TopicClassifier();
  private refresh?: NodeJS.Timeout;
  /** What the current model was trained on: the corrections' count and latest time. */
  private trainedOn: string | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await retryingStartup(
      () => this.retrain(),
      (error, failed) =>
        this.logger.warn(`training failed (${String(error)}, attempt ${failed}); trying again`),
    );
    this.refresh = setInterval(() => {
      this.retrain().catch((error: unknown) => this.logger.warn(`retraining failed: ${String(error)}`));
    }, REFRESH_INTERVAL_MS);
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  /**
   * Trains a fresh model from the starter set and every staff correction, and swaps it in; unless
   * nothing changed since the last training (the periodic refresh then costs one small query).
   */
  async retrain(): Promise<{ examples: number; corrections: number; retrained: boolean }> {
    const [state] = (await this.dataSource.query(
      `SELECT count(*)::int AS n, coalesce(max(created_at)::text, '') AS latest FROM topic_training_example`,
    )) as { n: number; latest: string }[];
    const fingerprint = `${state!.n}:${state!.latest}`;
    if (fingerprint === this.trainedOn) {
      return { examples: this.classifier.size, corrections: state!.n, retrained: false };
    }
    const corrections = (await this.dataSource.query(
      `SELECT e.text, t.name AS label FROM topic_training_example e JOIN topic t ON t.id = e.topic_id WHERE t.active`,
    )) as { text: string; label: string }[];
    const examples: LabeledText[] = [
      ...starterExamples(),
      ...corrections.map((c) => ({ ...c, weight: CORRECTION_WEIGHT })),
    ];
    this.classifier = new TopicClassifier().train(examples);
    this.trainedOn = fingerprint;
    return { examples: examples.length, corrections: corrections.length, retrained: true };
  }

  /**
   * Inside the transaction that opens the case: the sentiment, and the topic when the requester or staff
   * gave none and the classifier is confident.
   */
  async triage(manager: EntityManager, text: string, topicGiven: boolean): Promise<TriageResult> {
    const sentiment = scoreSentiment(text);
    if (topicGiven) return { topic: null, sentiment };
    const prediction = this.classifier.predict(text);
    if (!prediction.label) return { topic: null, sentiment };
    const topic = await this.subtopicNamed(manager, prediction.label);
    if (!topic) return { topic: null, sentiment };
    return {
      topic: {
        topicId: topic.id,
        topic: topic.name,
        confidence: Math.round(prediction.confidence * 1000) / 1000,
        evidence: this.classifier
          .explain(text, 5)
          .filter((f) => f.weight > 0)
          .map((f) => f.feature),
      },
      sentiment,
    };
  }

  /**
   * Staff set a case's topic: the case's words become a training example for it (replacing an earlier
   * correction of the same case), in the caller's transaction; the model learns it once that commits.
   */
  async recordCorrection(
    manager: EntityManager,
    caseId: string,
    topicId: string,
    labelledBy: string,
  ): Promise<void> {
    const [row] = (await manager.query(
      `SELECT c.subject || E'\\n' || coalesce((SELECT m.body FROM case_message m WHERE m.case_id = c.id AND m.direction = 'INBOUND' ORDER BY m.created_at, m.id LIMIT 1), '') AS text
       FROM support_case c WHERE c.id = $1`,
      [caseId],
    )) as { text: string }[];
    if (!row) return;
    await manager.query(
      `INSERT INTO topic_training_example (case_id, topic_id, text, labelled_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET topic_id = EXCLUDED.topic_id, labelled_by = EXCLUDED.labelled_by, created_at = now()`,
      [caseId, topicId, row.text, labelledBy],
    );
  }

  private async subtopicNamed(manager: EntityManager, name: string): Promise<TopicEntity | null> {
    return manager
      .getRepository(TopicEntity)
      .createQueryBuilder('t')
      .where('lower(t.name) = lower(:name)', { name })
      .andWhere('t.parentId IS NOT NULL')
      .andWhere('t.active')
      .getOne();
  }
}
