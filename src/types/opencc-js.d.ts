// opencc-js exports its dictionaries as modules (`opencc-js/dict/TSCharacters` …) without type
// declarations: each is one string of "source target|source target" pairs.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
