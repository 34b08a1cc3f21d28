// The sign-in form and next-auth's authorize() agree on these error words.
export const SECOND_FACTOR_REQUIRED = "second-factor-required";
export const SECOND_FACTOR_INVALID = "second-factor-invalid";
/** Followed by ":" and the ISO time when sign-in may be tried again. */
export const SIGN_IN_LOCKED = "sign-in-locked";
