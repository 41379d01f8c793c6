import { SystemProbeEntity } from './entities/system-probe.entity';
import { AppUserEntity } from './entities/app-user.entity';
import { AuditLogEntity } from './entities/audit-log.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UnitEntity } from './entities/unit.entity';
import { RectificationEntity } from './entities/rectification.entity';
import { RectificationEventEntity } from './entities/rectification-event.entity';
import { SourceDocumentEntity } from './entities/source-document.entity';
import { EvaluationEntity } from './entities/evaluation.entity';
import { FindingEntity } from './entities/finding.entity';
import { RecommendationEntity } from './entities/recommendation.entity';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { UnitWebhookSettingEntity } from './entities/unit-webhook-setting.entity';
import { EvidenceFileEntity } from './entities/evidence-file.entity';
import { CalendarYearEntity } from './entities/calendar-year.entity';
import { LetterSequenceEntity } from './entities/letter-sequence.entity';
import { SupervisionLetterEntity } from './entities/supervision-letter.entity';
import { LetterReplyEntity } from './entities/letter-reply.entity';
import { ResultsApplicationRuleEntity } from './entities/results-application-rule.entity';
import { RecheckEntity } from './entities/recheck.entity';
import { PolicyDefaultsEntity } from './entities/policy-defaults.entity';

/** Every entity, listed explicitly so the same list works from TypeScript sources and from dist. */
export const ENTITIES = [
  SystemProbeEntity,
  UnitEntity,
  AppUserEntity,
  RefreshTokenEntity,
  AuditLogEntity,
  RectificationEntity,
  RectificationEventEntity,
  SourceDocumentEntity,
  EvaluationEntity,
  FindingEntity,
  RecommendationEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  UnitWebhookSettingEntity,
  EvidenceFileEntity,
  CalendarYearEntity,
  LetterSequenceEntity,
  SupervisionLetterEntity,
  LetterReplyEntity,
  ResultsApplicationRuleEntity,
  RecheckEntity,
  PolicyDefaultsEntity,
];
