// Key Vault for the secrets (the SendGrid API key, the SMTP password, the keys that sign acknowledgement links): RBAC authorization, soft delete and purge protection, as in the AVM module.
param name string
param location string
param tags object
param readerPrincipalId string

@secure()
param sendGridApiKey string

@secure()
param smtpPassword string

@description('Signs the acknowledgement links in mails (Board__AckKey); the previous key still verifies during a rotation.')
@secure()
param boardAckKey string

@secure()
param previousBoardAckKey string

@description('Refuse every network but the deployment\'s own (its private endpoint).')
param privateNetworking bool = false

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
    }
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: 'SendGridApiKey'
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource smtpSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'SmtpPassword'
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

// Written only when a key is given: a provision without one keeps the key in force.
resource ackKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(boardAckKey)) {
  parent: vault
  name: 'BoardAckKey'
  properties: {
    value: boardAckKey
    contentType: 'text/plain'
  }
}

resource previousAckKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(previousBoardAckKey)) {
  parent: vault
  name: 'BoardPreviousAckKey'
  properties: {
    value: previousBoardAckKey
    contentType: 'text/plain'
  }
}

// Key Vault Secrets User
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUser)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

output sendGridApiKeySecretUri string = '${vault.properties.vaultUri}secrets/SendGridApiKey'
output smtpSignInSecretUri string = '${vault.properties.vaultUri}secrets/SmtpPassword'
output boardAckKeySecretUri string = '${vault.properties.vaultUri}secrets/BoardAckKey'
output previousBoardAckKeySecretUri string = '${vault.properties.vaultUri}secrets/BoardPreviousAckKey'
output id string = vault.id
output uri string = vault.properties.vaultUri
