/**
 * Errors shaped like Office.js's `OfficeExtension.Error`: `code` is one of Excel's error codes
 * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
 * so the front end's error mapping is exercised with the same strings Excel sends.
 */
export const SimErrorCodes = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidReference: 'InvalidReference',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
} as const;

export type SimErrorCode = (typeof SimErrorCodes)[keyof typeof SimErrorCodes] | string;

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class SimOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: SimDebugInfo;

  constructor(
    readonly code: SimErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(objectName: string, property: string): SimOfficeError {
  // Office.js's wording, so a developer who meets this in the simulator recognises it from real Excel.
  return new SimOfficeError(
    SimErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}

export function itemNotFound(what: string): SimOfficeError {
  return new SimOfficeError(SimErrorCodes.itemNotFound, `The requested resource doesn't exist: ${what}`);
}

export function invalidArgument(detail: string, location?: string): SimOfficeError {
  return new SimOfficeError(SimErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format. ${detail}`, location);
}

export function accessDenied(sheet: string): SimOfficeError {
  return new SimOfficeError(
    SimErrorCodes.accessDenied,
    `The cell or chart you're trying to change is on a protected sheet (${sheet}).`,
  );
}
