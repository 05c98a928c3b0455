// ApprovalWatch on Azure: a Flex Consumption Functions app (isolated worker, Linux) over one storage
// account reached by managed identity only, Application Insights for logs, Key Vault for the SendGrid key.
// Resources are written here directly (the Bicep public registry is not reachable from the build machines),
// following the Azure Verified Modules' secure defaults.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd), used to name the resource group and resources.')
param environmentName string

@minLength(1)
@description('Azure region for all resources.')
param location string

@description('Sender address of the digests (a verified SendGrid sender).')
param mailFrom string = 'approvalwatch@example.org'

@secure()
@description('SendGrid API key, stored in Key Vault; the app reads it through a Key Vault reference.')
param sendGridApiKey string = ''

@description('SendGrid (the default) or Smtp: a mail server of the deployment\'s own, where SendGrid cannot be used.')
@allowed([ 'SendGrid', 'Smtp' ])
param mailTransport string = 'SendGrid'

@description('With Smtp: the server, its port and security (StartTls on 587, ImplicitTls on 465) and the sign-in; the password is stored in Key Vault.')
param smtpHost string = ''
param smtpPort int = 587
@allowed([ 'StartTls', 'ImplicitTls' ])
param smtpSecurity string = 'StartTls'
param smtpUserName string = ''
@secure()
param smtpPassword string = ''

@description('NCRONTAB (UTC) of GatherSubmissions.')
param gatherSchedule string = '0 */5 * * * *'

@description('NCRONTAB (UTC) of ScanDeadlines: 00:30 UTC is 08:30 Beijing time, before any office opens; each digest is delivered when its recipient\'s office hours start.')
param scanSchedule string = '0 30 0 * * *'

@description('The Microsoft Entra ID app registration (client id) that signs officials in to the board; App Service Authentication turns every unauthenticated request to sign-in.')
param signInClientId string

@description('The Entra tenant of the sign-in; the deployment\'s tenant when empty.')
param signInTenantId string = ''

@description('The key that signs acknowledgement links in mails, set once (azd env set APPROVALWATCH_ACK_KEY) and kept: empty leaves the key in Key Vault as it is, so a provision never invalidates the links already mailed. Rotate on purpose: the old key as previousBoardAckKey, a new one here.')
@secure()
param boardAckKey string = ''

@description('The previous acknowledgement key, still accepted during a rotation (empty: none).')
@secure()
param previousBoardAckKey string = ''

@description('The weekly scheduling report: Mondays 00:00 UTC (08:00 Beijing); mails go out when each reader\'s office opens.')
param weeklySchedule string = '0 0 0 * * 1'

@description('Object id of a person or group to grant data access to storage (for the CLI and uploads), or empty.')
param operatorPrincipalId string = ''

@description('Storage and Key Vault reachable only through the deployment\'s own VNet (private endpoints; the app integrates with it). Departments then upload through the board, not with storage tools.')
param privateNetworking bool = false

@description('Department id (its folder under submissions/, e.g. housing) to the object id of its Entra group: each group writes only into its own folder.')
param departmentGroups object = {}

@description('Operators mailed by every alert, comma-separated (the first also when the configuration cannot be read at all).')
param operatorEmails string = ''

@description('Operators texted by every alert, comma-separated, each country code and number: 86:13800000000.')
param operatorPhones string = ''

@description('The hour (UTC) by which a working day\'s scan must have ended: 2 is 10:00 Beijing.')
param scanDueUtcHour int = 2

@description('Mail or chat failures of one kind within an hour above which the operators are alerted.')
param deliveryFailureThreshold int = 5

@description('Failed function runs within an hour above which the operators are alerted.')
param functionFailureThreshold int = 3

@description('The storage account\'s redundancy: zone-redundant where the region has zones (not every region operated in China has).')
@allowed([ 'Standard_ZRS', 'Standard_LRS', 'Standard_GRS', 'Standard_RAGRS', 'Standard_GZRS', 'Standard_RAGZRS' ])
param storageSku string = 'Standard_ZRS'

@description('Days each nightly backup of the tables is kept, immutable.')
@minValue(1)
param backupRetentionDays int = 35

var tags = { 'azd-env-name': environmentName }
var operatorEmailList = filter(map(split(operatorEmails, ','), address => trim(address)), address => !empty(address))
var operatorPhoneList = map(
  filter(map(split(operatorPhones, ','), phone => trim(phone)), phone => contains(phone, ':')),
  phone => { countryCode: split(phone, ':')[0], phoneNumber: split(phone, ':')[1] }
)
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-aw-${token}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    workspaceName: 'log-aw-${token}'
    appInsightsName: 'appi-aw-${token}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'staw${token}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${token}'
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    workspaceId: monitoring.outputs.workspaceId
    privateNetworking: privateNetworking
    skuName: storageSku
    backupRetentionDays: backupRetentionDays
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: resourceGroup
  params: {
    name: 'ag-aw-${token}'
    location: location
    tags: tags
    appInsightsId: monitoring.outputs.id
    operatorEmails: operatorEmailList
    operatorPhones: operatorPhoneList
    scanDueUtcHour: scanDueUtcHour
    deliveryFailureThreshold: deliveryFailureThreshold
    functionFailureThreshold: functionFailureThreshold
  }
}

module departmentAccess 'app/department-access.bicep' = {
  name: 'department-access'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    departmentGroups: departmentGroups
  }
}

module vault 'app/key-vault.bicep' = {
  name: 'key-vault'
  scope: resourceGroup
  params: {
    name: 'kv-aw-${token}'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    sendGridApiKey: sendGridApiKey
    smtpPassword: smtpPassword
    boardAckKey: boardAckKey
    previousBoardAckKey: previousBoardAckKey
    privateNetworking: privateNetworking
  }
}

module network 'app/network.bicep' = if (privateNetworking) {
  name: 'network'
  scope: resourceGroup
  params: {
    name: 'vnet-aw-${token}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
    keyVaultId: vault.outputs.id
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    virtualNetworkSubnetId: privateNetworking ? network!.outputs.appSubnetId : ''
    name: 'func-aw-${token}'
    planName: 'plan-aw-${token}'
    location: location
    tags: union(tags, { 'azd-service-name': 'functions' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageEndpoints: storage.outputs.endpoints
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    sendGridApiKeySecretUri: vault.outputs.sendGridApiKeySecretUri
    mailFrom: mailFrom
    mail: {
      transport: mailTransport
      smtpHost: smtpHost
      smtpPort: smtpPort
      smtpSecurity: smtpSecurity
      smtpUserName: smtpUserName
      smtpSignInSecretUri: vault.outputs.smtpSignInSecretUri
    }
    gatherSchedule: gatherSchedule
    scanSchedule: scanSchedule
    weeklySchedule: weeklySchedule
    boardAckKeySecretUri: vault.outputs.boardAckKeySecretUri
    keyVaultUri: vault.outputs.uri
    previousBoardAckKeySecretUri: empty(previousBoardAckKey) ? '' : vault.outputs.previousBoardAckKeySecretUri
    operatorFallbackAddress: empty(operatorEmailList) ? '' : operatorEmailList[0]
    signIn: {
      clientId: signInClientId
      tenantId: empty(signInTenantId) ? tenant().tenantId : signInTenantId
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.name
