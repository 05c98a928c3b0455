// Each department's Entra group may write only into its own folder of `submissions`, read only its own
// receipts, and read the templates: a department's folder is its identity, so housing cannot drop a file
// into finance's folder. Azure attribute-based access control (ABAC) conditions on the role assignments
// restrict the blob path (and, for listings, the requested prefix) to `{department}/`.
param storageAccountName string

@description('Department id (its folder under submissions/) to the object id of its Entra group.')
param departmentGroups object

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource submissions 'containers' existing = {
      name: 'submissions'
    }

    resource receipts 'containers' existing = {
      name: 'receipts'
    }

    resource templates 'containers' existing = {
      name: 'templates'
    }
  }
}

var blobContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
var blobReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' // Storage Blob Data Reader
var blobs = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs'

// Every blob action is allowed only on paths under the department's folder; a listing only with a prefix inside it.
func folderOnly(folder string, actions string[]) string =>
  '((${join(map(actions, action => '!(ActionMatches{\'${action}\'} AND NOT SubOperationMatches{\'Blob.List\'})'), ' AND ')}) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith \'${folder}/\')) AND ((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'} AND SubOperationMatches{\'Blob.List\'})) OR (@Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith \'${folder}/\'))'

resource submit 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for department in items(departmentGroups): {
  name: guid(account::blobService::submissions.id, department.value, blobContributor)
  scope: account::blobService::submissions
  properties: {
    principalId: department.value
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobContributor)
    description: 'ApprovalWatch: ${department.key} writes only into submissions/${department.key}/'
    conditionVersion: '2.0'
    condition: folderOnly(department.key, [ '${blobs}/read', '${blobs}/write', '${blobs}/add/action', '${blobs}/delete' ])
  }
}]

resource readReceipts 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for department in items(departmentGroups): {
  name: guid(account::blobService::receipts.id, department.value, blobReader)
  scope: account::blobService::receipts
  properties: {
    principalId: department.value
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobReader)
    description: 'ApprovalWatch: ${department.key} reads only receipts/${department.key}/'
    conditionVersion: '2.0'
    condition: folderOnly(department.key, [ '${blobs}/read' ])
  }
}]

resource readTemplates 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for department in items(departmentGroups): {
  name: guid(account::blobService::templates.id, department.value, blobReader)
  scope: account::blobService::templates
  properties: {
    principalId: department.value
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobReader)
    description: 'ApprovalWatch: ${department.key} reads the templates'
  }
}]
