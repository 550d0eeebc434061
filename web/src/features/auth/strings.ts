export const AUTH_TEXT = {
  title: 'Sign in to Visite',
  subtitle: 'Practice staff only. Patients join with the link they received by SMS or e-mail.',
  email: 'E-mail',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  checking: 'Checking your session…',
  invalid: 'Wrong e-mail or password.',
  forbiddenTitle: 'Not available with your role',
  forbidden: 'This page is for other members of the practice.',
  home: 'Go to my home page',
};
