// The test relying party is the demo service of examples/demo-service (`npm run demo:service`):
// one implementation, so that what the tests check is what a person tries after `npm start`.
export {
  type RelyingParty,
  startRelyingParty,
  startTestRelyingParty,
  type TestRelyingParty,
} from "../../examples/demo-service/relying-party.ts";
