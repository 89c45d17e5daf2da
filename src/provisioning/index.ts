// The door of the provisioning context (SCIM server, provisioning engine, connectors): what the
// composition and other contexts may use. Nothing else of src/provisioning is imported from outside it.
export { type ProvisioningCliDeps, registerProvisioningCommands } from "./cli/commands.ts";
export {
  type ComposedProvisioning,
  composeProvisioning,
  composeProvisioningCli,
  type ProvisioningOptions,
} from "./compose.ts";
export { provisioningErrors } from "./errors.ts";
