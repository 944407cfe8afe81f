import { Foundation1732300000000 } from './1732300000000-foundation';
import { Attachments1732400000000 } from './1732400000000-attachments';
import { Integrations1732500000000 } from './1732500000000-integrations';
import { Chatbot1732600000000 } from './1732600000000-chatbot';
import { InboxReads1732600000001 } from './1732600000001-inbox-reads';

import { UploadIdempotency1732700000000 } from './1732700000000-upload-idempotency';
import { RateLimitOverrides1732800000000 } from './1732800000000-rate-limit-overrides';
import { Previews1732900000014 } from './1732900000014-previews';
import { AccountAllowedOrigins1732900000300 } from './1732900000300-account-allowed-origins';
import { PreviewKinds1733104000000 } from './1733104000000-preview-kinds';
import { WidgetAppearance1733105000000 } from './1733105000000-widget-appearance';
import { TeamsAndMail1733100000000 } from './1733100000000-teams-and-mail';
import { UploadRuleLevels1733106000000 } from './1733106000000-upload-rule-levels';
import { Retention1733102000000 } from './1733102000000-retention';
import { SearchIndexes1733107000000 } from './1733107000000-search-indexes';
import { EncryptionAtRest1733108000000 } from './1733108000000-encryption-at-rest';
import { PhotoCompression1733109200000 } from './1733109200000-photo-compression';
import { TrustSettings1733108000001 } from './1733108000001-trust-settings';
import { ReadReceipts1733109400000 } from './1733109400000-read-receipts';
import { SearchSpeedIndexes1733109700000 } from './1733109700000-search-speed-indexes';
import { DeliveryKeysetIndexes1733109600000 } from './1733109600000-delivery-keyset-indexes';
import { ChatLifecycle1733109300000 } from './1733109300000-chat-lifecycle';
import { InboxKeysetIndex1733109700001 } from './1733109700001-inbox-keyset-index';
import { SearchLanguage1733109800000 } from './1733109800000-search-language';
import { ListingIndexes1733109900000 } from './1733109900000-listing-indexes';
/** Every migration, in order. Listed explicitly so the bundled build needs no file globbing. */
export const MIGRATIONS = [
  Foundation1732300000000,
  Attachments1732400000000,
  Integrations1732500000000,
  Chatbot1732600000000,
  InboxReads1732600000001,
  UploadIdempotency1732700000000,
  RateLimitOverrides1732800000000,
  Previews1732900000014,
  AccountAllowedOrigins1732900000300,
  PreviewKinds1733104000000,
  WidgetAppearance1733105000000,
  TeamsAndMail1733100000000,
  UploadRuleLevels1733106000000,
  Retention1733102000000,
  SearchIndexes1733107000000,
  EncryptionAtRest1733108000000,
  TrustSettings1733108000001,
  PhotoCompression1733109200000,
  ChatLifecycle1733109300000,
  ReadReceipts1733109400000,
  DeliveryKeysetIndexes1733109600000,
  SearchSpeedIndexes1733109700000,
  InboxKeysetIndex1733109700001,
  SearchLanguage1733109800000,
  ListingIndexes1733109900000,
];
