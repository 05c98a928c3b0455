// The one storage account: blobs (submissions, receipts, config, digests, templates, the deployment package),
// queues (ingest, notify, scan) and tables (Procedures, Projects, History, Submissions, Notifications, Scans, KeyProjects, Notices, Leave).
// Secure defaults as in the AVM storage module: no shared keys, no anonymous blob access, TLS 1.2, HTTPS only.
param name string
param location string
param tags object
param deploymentContainerName string
param appPrincipalId string
param operatorPrincipalId string = ''

@description('Refuse every network but the deployment\'s own (its private endpoints).')
param privateNetworking bool = false

@description('Redundancy: ZRS where the region has availability zones, LRS or GRS where it has none.')
param skuName string = 'Standard_ZRS'

@description('Days each nightly table backup stays immutable before it is deleted.')
param backupRetentionDays int = 35

@description('The Log Analytics workspace that keeps who wrote and deleted which blob (a change of config/ says who).')
param workspaceId string

var containers = [ 'submissions', 'receipts', 'config', 'config-lastgood', 'digests', 'templates', 'reports', 'notices', deploymentContainerName ]
var queues = [ 'ingest', 'notify', 'scan', 'ingest-poison', 'notify-poison', 'scan-poison' ]
var tables = [ 'Procedures', 'Projects', 'History', 'Submissions', 'Notifications', 'Scans', 'KeyProjects', 'Notices', 'Leave' ]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true }
        file: { enabled: true }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      // Originals are never modified by the app; soft delete protects them from mistakes by people.
      deleteRetentionPolicy: { enabled: true, days: 30 }
      containerDeleteRetentionPolicy: { enabled: true, days: 30 }
      isVersioningEnabled: true
    }

    resource container 'containers' = [for container in containers: {
      name: container
      properties: { publicAccess: 'None' }
    }]

    // The nightly export of every state table: versions immutable for the retention, then removed by the lifecycle policy.
    resource backups 'containers' = {
      name: 'backups'
      properties: {
        publicAccess: 'None'
        immutableStorageWithVersioning: { enabled: true }
      }

      resource retention 'immutabilityPolicies' = {
        name: 'default'
        properties: {
          immutabilityPeriodSinceCreationInDays: backupRetentionDays
          allowProtectedAppendWrites: false
        }
      }
    }
  }

  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'backups-retention'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: { blobTypes: [ 'blockBlob' ], prefixMatch: [ 'backups/' ] }
              actions: {
                baseBlob: { delete: { daysAfterCreationGreaterThan: backupRetentionDays + 1 } }
                version: { delete: { daysAfterCreationGreaterThan: backupRetentionDays + 1 } }
              }
            }
          }
        ]
      }
    }
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queue 'queues' = [for queue in queues: {
      name: queue
    }]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource table 'tables' = [for table in tables: {
      name: table
    }]
  }
}

// Storage Blob Data Owner, Storage Queue Data Contributor, Storage Table Data Contributor: the operators' (people's).
var roles = [ 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', '974c5e8b-45b9-4653-ba55-5f855dd0fb88', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' ]
var blobs = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs'

// The app's own roles: the built-in data roles also carry deleting containers, queues and tables (a control-plane
// action no ABAC condition reaches), so the app holds custom roles that can create and read them, never delete them.
resource appBlobRoleDefinition 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'approvalwatch-app-blobs')
  properties: {
    roleName: 'ApprovalWatch app blob data (${resourceGroup().name})'
    description: 'Blob data; creates and reads containers, never deletes one. Held off config/, submissions/ and backups/ changes by its assignment\'s condition.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/read'
          'Microsoft.Storage/storageAccounts/blobServices/containers/write'
          'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action'
        ]
        notActions: []
        dataActions: [ '${blobs}/*' ]
        notDataActions: []
      }
    ]
    assignableScopes: [ resourceGroup().id ]
  }
}

resource appQueueTableRoleDefinition 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'approvalwatch-app-queues-tables')
  properties: {
    roleName: 'ApprovalWatch app queue and table data (${resourceGroup().name})'
    description: 'Queue messages and table entities; creates and reads queues and tables, never deletes one.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Storage/storageAccounts/queueServices/queues/read'
          'Microsoft.Storage/storageAccounts/queueServices/queues/write'
          'Microsoft.Storage/storageAccounts/tableServices/tables/read'
          'Microsoft.Storage/storageAccounts/tableServices/tables/write'
        ]
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/queueServices/queues/messages/*'
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/*'
        ]
        notDataActions: []
      }
    ]
    assignableScopes: [ resourceGroup().id ]
  }
}

// The app reads config/ and changes only what it owns (receipts, digests, reports, templates, its package, the last good
// configuration) and adds, never changes, the board's uploads in submissions/ (blob versioning keeps every earlier
// version) and the nightly backups in backups/: a condition refuses it writing in config/ and every other changing action
// (delete, tags, versions, ownership…) in config/, submissions/ and backups/.
var writeActions = [ 'write', 'add/action' ]
var otherChangingActions = [ 'delete', 'deleteBlobVersion/action', 'permanentDelete/action', 'tags/write', 'move/action', 'immutableStorage/runAsSuperUser/action', 'manageOwnership/action', 'modifyPermissions/action' ]
var containerName = '@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name]'
var appBlobCondition = '((${join(map(writeActions, action => '!(ActionMatches{\'${blobs}/${action}\'})'), ' AND ')}) OR ${containerName} StringNotEquals \'config\') AND ((${join(map(otherChangingActions, action => '!(ActionMatches{\'${blobs}/${action}\'})'), ' AND ')}) OR (${containerName} StringNotEquals \'config\' AND ${containerName} StringNotEquals \'submissions\' AND ${containerName} StringNotEquals \'backups\'))'

resource appBlobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, appBlobRoleDefinition.id)
  scope: account
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: appBlobRoleDefinition.id
    description: 'ApprovalWatch: reads config/, adds to submissions/ (the upload page) and backups/, changes only its own containers, deletes none'
    conditionVersion: '2.0'
    condition: appBlobCondition
  }
}

resource appQueueTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, appQueueTableRoleDefinition.id)
  scope: account
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: appQueueTableRoleDefinition.id
  }
}

// Every blob write and delete, with who made it, kept in Log Analytics.
resource blobAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'blob-writes-and-deletes'
  scope: account::blobService
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}

resource operatorRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roles: if (!empty(operatorPrincipalId)) {
  name: guid(account.id, operatorPrincipalId, role)
  scope: account
  properties: {
    principalId: operatorPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

output name string = account.name
output id string = account.id
@description('The blob, queue and table endpoints, as the cloud the account lives in names them (Azure, Azure China, …).')
output endpoints object = {
  blob: account.properties.primaryEndpoints.blob
  queue: account.properties.primaryEndpoints.queue
  table: account.properties.primaryEndpoints.table
}
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
