// The sign-in form and next-auth's authorize() agree on these error words.
export const SECOND_FACTOR_REQUIRED = "second-factor-required";
export const SECOND_FACTOR_INVALID = "second-factor-invalid";
