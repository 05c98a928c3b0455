// The Functions app on a Flex Consumption plan (Linux, .NET isolated worker). Storage, the deployment
// package and Application Insights are reached with the user-assigned identity; HTTPS only, FTP off.
// Timer schedules are UTC: the app computes Beijing time itself (Linux ignores WEBSITE_TIME_ZONE).
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
@description('The storage account\'s blob, queue and table endpoints (from the account itself, so that any cloud works).')
param storageEndpoints object
param deploymentContainerUrl string
param appInsightsConnectionString string
param sendGridApiKeySecretUri string
param mailFrom string
@description('transport (SendGrid or Smtp), smtpHost, smtpPort, smtpSecurity, smtpUserName, smtpSignInSecretUri.')
param mail object
param gatherSchedule string
param scanSchedule string

@description('When the weekly scheduling report is made, in UTC (six-field NCRONTAB); its mails wait for each reader\'s office hours on Monday.')
param weeklySchedule string

param boardAckKeySecretUri string

@description('The vault the group chat robots\' webhooks and signing secrets are read from, by the names config/chat.csv gives.')
param keyVaultUri string

@description('The previous acknowledgement key\'s secret; empty when no rotation is under way.')
param previousBoardAckKeySecretUri string

@description('Where the operator report goes when the directory naming the operators cannot be read at all.')
param operatorFallbackAddress string

@description('The Entra ID app registration of the sign-in: { clientId, tenantId }.')
param signIn object
var signInIssuer = '${environment().authentication.loginEndpoint}${signIn.tenantId}/v2.0'
param dotnetVersion string = '10.0'
param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048

@description('The subnet the app reaches storage and Key Vault through (a privateNetworking deployment), or empty.')
param virtualNetworkSubnetId string = ''

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__blobServiceUri: storageEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storageEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storageEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      GatherSchedule: gatherSchedule
      ScanSchedule: scanSchedule
      WeeklySchedule: weeklySchedule
      BackupSchedule: '0 0 19 * * *'
      IngestQueue: 'ingest'
      NotifyQueue: 'notify'
      ScanQueue: 'scan'
      Mail__From: mailFrom
      Mail__Transport: mail.transport
      // The transport not chosen reads no setting; its Key Vault reference is left unresolved.
      SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridApiKeySecretUri})'
      Smtp__Host: mail.smtpHost
      Smtp__Port: string(mail.smtpPort)
      Smtp__Security: mail.smtpSecurity
      Smtp__UserName: mail.smtpUserName
      Smtp__Password: '@Microsoft.KeyVault(SecretUri=${mail.smtpSignInSecretUri})'
      Board__BaseUrl: 'https://${app.properties.defaultHostName}'
      Board__AckKey: '@Microsoft.KeyVault(SecretUri=${boardAckKeySecretUri})'
      Board__PreviousAckKey: empty(previousBoardAckKeySecretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${previousBoardAckKeySecretUri})'
      Chat__KeyVaultUri: keyVaultUri
      Chat__ClientId: identityClientId
      // The board validates the ID token the platform forwards against this issuer's published keys and this audience.
      SignIn__Issuer: signInIssuer
      SignIn__ClientId: signIn.clientId
      Operations__FallbackAddress: operatorFallbackAddress
    }
  }

  // App Service Authentication with Microsoft Entra ID: every request, the /ack links too, is signed in first (a
  // browser is redirected to sign-in); the token store forwards the ID token (X-MS-TOKEN-AAD-ID-TOKEN), which the
  // board validates itself (issuer, audience, signature, lifetime) before it believes who signed in.
  resource auth 'config' = {
    name: 'authsettingsV2'
    properties: {
      platform: { enabled: true }
      globalValidation: {
        requireAuthentication: true
        unauthenticatedClientAction: 'RedirectToLoginPage'
        redirectToProvider: 'azureactivedirectory'
      }
      httpSettings: {
        requireHttps: true
        forwardProxy: { convention: 'NoProxy' }
      }
      identityProviders: {
        azureActiveDirectory: {
          enabled: true
          registration: {
            clientId: signIn.clientId
            openIdIssuer: signInIssuer
          }
          validation: {
            allowedAudiences: [ 'api://${signIn.clientId}' ]
          }
        }
      }
      login: {
        tokenStore: { enabled: true }
      }
    }
  }
}


// No basic (user name and password) publishing: deployments go through Entra ID only.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
