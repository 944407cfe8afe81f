/** `Key=value;…` pairs of a connection string; values may contain `=` (base64 keys, SAS tokens). */
function partsOf(value: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const pair of value.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) parts.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim());
  }
  return parts;
}

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * Why `value` is not a connection string the Azure SDK accepts, or undefined when it is. Mirrors the
 * SDK's own parsing so a bad value stops the start naming the variable instead of a stack trace from
 * the SDK (which is only loaded when the driver is created).
 */
export function azureConnectionStringProblem(value: string): string | undefined {
  const parts = partsOf(value);
  if (parts.get('usedevelopmentstorage') === 'true') return undefined;
  const endpoint = parts.get('blobendpoint');
  if (endpoint !== undefined && !isHttpUrl(endpoint)) return 'BlobEndpoint must be an http or https URL';
  if (parts.has('defaultendpointsprotocol') && parts.has('accountkey')) {
    if (!parts.get('accountname')) return 'AccountName is missing';
    if (Buffer.from(parts.get('accountkey') ?? '', 'base64').length === 0) return 'AccountKey is empty';
    if (endpoint) return undefined;
    if (!['http', 'https'].includes(parts.get('defaultendpointsprotocol')?.toLowerCase() ?? ''))
      return "DefaultEndpointsProtocol must be 'https' or 'http'";
    return parts.get('endpointsuffix') ? undefined : 'EndpointSuffix (or BlobEndpoint) is missing';
  }
  if (endpoint && parts.get('sharedaccesssignature')) return undefined;
  return 'needs DefaultEndpointsProtocol, AccountName and AccountKey, or BlobEndpoint and SharedAccessSignature';
}
