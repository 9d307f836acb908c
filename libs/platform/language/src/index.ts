export * from './lib/detect-language';
export { francCodesOfTag, tagOfFrancCode } from './lib/language-codes';
