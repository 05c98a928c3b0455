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

var blobs = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs'

// Roles of blob data actions only: the built-in Storage Blob Data roles also carry container actions (a department
// could delete or re-create the whole `submissions` container), which no ABAC condition on blob paths covers.
resource submitterRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'approvalwatch-department-submitter')
  properties: {
    roleName: 'ApprovalWatch department submitter (${resourceGroup().name})'
    description: 'Reads, writes and deletes blobs; no container or account actions. Held to a department folder by a condition on each assignment.'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [ '${blobs}/read', '${blobs}/write', '${blobs}/add/action', '${blobs}/delete' ]
        notDataActions: []
      }
    ]
    assignableScopes: [ resourceGroup().id ]
  }
}

resource readerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'approvalwatch-department-reader')
  properties: {
    roleName: 'ApprovalWatch department reader (${resourceGroup().name})'
    description: 'Reads blobs; no container or account actions.'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [ '${blobs}/read' ]
        notDataActions: []
      }
    ]
    assignableScopes: [ resourceGroup().id ]
  }
}

// Every blob action is allowed only on paths under the department's folder; a listing only with a prefix inside it.
func folderOnly(folder string, actions string[]) string =>
  '((${join(map(actions, action => '!(ActionMatches{\'${action}\'} AND NOT SubOperationMatches{\'Blob.List\'})'), ' AND ')}) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith \'${folder}/\')) AND ((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'} AND SubOperationMatches{\'Blob.List\'})) OR (@Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith \'${folder}/\'))'

resource submit 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for department in items(departmentGroups): {
  name: guid(account::blobService::submissions.id, department.value, submitterRole.id)
  scope: account::blobService::submissions
  properties: {
    principalId: department.value
    principalType: 'Group'
    roleDefinitionId: submitterRole.id
    description: 'ApprovalWatch: ${department.key} writes only into submissions/${department.key}/'
    conditionVersion: '2.0'
    condition: folderOnly(department.key, [ '${blobs}/read', '${blobs}/write', '${blobs}/add/action', '${blobs}/delete' ])
  }
}]

resource readReceipts 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for department in items(departmentGroups): {
  name: guid(account::blobService::receipts.id, department.value, readerRole.id)
  scope: account::blobService::receipts
  properties: {
    principalId: department.value
    principalType: 'Group'
    roleDefinitionId: readerRole.id
    description: 'ApprovalWatch: ${department.key} reads only receipts/${department.key}/'
    conditionVersion: '2.0'
    condition: folderOnly(department.key, [ '${blobs}/read' ])
  }
}]

resource readTemplates 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for department in items(departmentGroups): {
  name: guid(account::blobService::templates.id, department.value, readerRole.id)
  scope: account::blobService::templates
  properties: {
    principalId: department.value
    principalType: 'Group'
    roleDefinitionId: readerRole.id
    description: 'ApprovalWatch: ${department.key} reads the templates'
  }
}]
