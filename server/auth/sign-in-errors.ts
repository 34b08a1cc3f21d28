// The sign-in form and next-auth's authorize() agree on these error words.
export const SECOND_FACTOR_REQUIRED = "second-factor-required";
export const SECOND_FACTOR_INVALID = "second-factor-invalid";
/** Followed by ":" and the ISO time when sign-in may be tried again. */
export const SIGN_IN_LOCKED = "sign-in-locked";
/** The database could not answer: try again shortly. */
export const SIGN_IN_UNAVAILABLE = "sign-in-unavailable";
/** Anything else that went wrong on our side (logged on the server). */
export const SIGN_IN_FAILED = "sign-in-failed";
