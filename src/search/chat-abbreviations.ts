/**
 * Shorthand people type in chat for words documents spell out ("ppl", "govt", "cert"), keyed by the
 * word in full. Only abbreviations with one common meaning belong here: "co" (county? company?) or
 * "rep" do not. The analyzer adds each to the alias group of its full word, or makes one.
 */
export const CHAT_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  people: ['ppl'],
  government: ['govt', "gov't"],
  department: ['dept'],
  administration: ['admin'],
  certificate: ['cert', 'certs'],
  information: ['info'],
  superintendent: ['supt'],
  signature: ['sig', 'sigs'],
  attorney: ['atty', 'attys'],
  year: ['yr', 'yrs'],
  amount: ['amt'],
  picture: ['pic', 'pics'],
  requirement: ['req', 'reqs'],
  approximately: ['approx'],
  conversation: ['convo'],
  president: ['prez'],
  application: ['app', 'apps'],
};
