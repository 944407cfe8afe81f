/** A stored integration secret the server's current SECRETS_KEY cannot decrypt, and what to do about it. */
export interface SecretProblem {
  secret: 'callback' | 's3';
  message: string;
}

/** `GET /v1/settings/secrets-status`: empty `problems` when every stored secret opens. */
export interface SecretsStatus {
  problems: SecretProblem[];
}
